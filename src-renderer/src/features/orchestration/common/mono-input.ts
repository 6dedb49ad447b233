import classes from './mono-input.module.css'

/** Spread on an input whose value is code: only the typed text is monospace. */
export const monoInput = { classNames: { input: classes.input } } as const
