/** Every character a shell or SQL reads specially, on one line, as a database password. */
export const HOSTILE_PASSWORD = `it's "q" \\ $(touch /tmp/pwned) \`id\` ; -- x' OR '1'='1 %_`
