import classes from './required.module.css'

/** Spread on a required input: a visual asterisk plus `aria-required` for assistive tech. */
export const requiredInput = {
  labelProps: { className: classes.required },
  'aria-required': true,
} as const
