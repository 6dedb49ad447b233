#!/usr/bin/env node
// `npm test`: every suite, one verdict. Builds the renderer when its sources changed, runs the
// unit and integration suite (vitest) and the end-to-end suite (Playwright) with JSON reports,
// then prints `N passed, N failed[, N skipped]` summed over both. Exits non-zero when a test
// failed or a suite did not run at all.
const { spawnSync } = require('node:child_process')
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs')
const { join } = require('node:path')
const { ensureRendererBuilt } = require('./build-renderer')
const { keychainToolsMissing, startPrivateKeychain } = require('./private-keychain')

const root = join(__dirname, '..')
const reportDir = join(root, 'test-results', 'reports')
const bin = (name) => join(root, 'node_modules', '.bin', name)

/** Runs a command with the terminal attached; returns its exit status (or 1 if it died). */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...env },
  })
  if (result.error) console.error(`Could not start ${command}: ${result.error.message}`)
  return result.status ?? 1
}

function readJson(file) {
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

// Suites

function runVitest(keychainEnv) {
  const file = join(reportDir, 'vitest.json')
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]
  const status = run(bin('vitest'), args, keychainEnv)
  const report = readJson(file)
  if (!report) return { name: 'vitest', status, ran: false }
  return {
    name: 'vitest',
    status,
    ran: report.numTotalTests > 0,
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    // A file that fails to load has no tests to count, but it is a failure all the same.
    broken: report.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.length === 0,
    ).length,
  }
}

function runPlaywright(built, keychainEnv) {
  if (!built) return { name: 'playwright', status: 1, ran: false }
  const file = join(reportDir, 'playwright.json')
  const status = run(bin('playwright'), ['test', '--reporter=list,json'], {
    ...keychainEnv,
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  })
  const report = readJson(file)
  if (!report) return { name: 'playwright', status, ran: false }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {}
  return {
    name: 'playwright',
    status,
    ran: expected + unexpected + flaky > 0,
    passed: expected + flaky,
    failed: unexpected,
    skipped,
    // Errors outside any test: global setup, a spec that does not load.
    broken: (report.errors ?? []).length,
  }
}

// Main

rmSync(reportDir, { recursive: true, force: true })
mkdirSync(reportDir, { recursive: true })

const built = ensureRendererBuilt()
// One private keychain for both suites; without its tools the keychain tests fail, saying why.
const missing = keychainToolsMissing()
if (missing) console.log(`No private keychain (${missing}): keychain tests will fail.`)
const keychain = missing ? { env: {}, stop() {} } : startPrivateKeychain()
let suites
try {
  suites = [runVitest(keychain.env), runPlaywright(built, keychain.env)]
} finally {
  keychain.stop()
}

let passed = 0
let failed = 0
let skipped = 0
let ok = true
console.log('')
for (const suite of suites) {
  if (!suite.ran) {
    // Counted as one failure so that the closing line never reads as a clean run.
    console.log(`${suite.name}: did not run (exit ${suite.status})`)
    failed += 1
    ok = false
    continue
  }
  passed += suite.passed
  failed += suite.failed + suite.broken
  skipped += suite.skipped
  const extra = suite.broken ? `, ${suite.broken} errors outside tests` : ''
  console.log(`${suite.name}: ${suite.passed} passed, ${suite.failed} failed${extra}`)
  if (suite.status !== 0 || suite.failed > 0 || suite.broken > 0) ok = false
}
console.log(`Reports: ${join('test-results', 'reports')}`)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(ok ? 0 : 1)
