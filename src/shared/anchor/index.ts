export { anchorFor, CONTEXT_LENGTH } from './quote'
export { reanchor } from './reanchor'
export { FuzzyBudget, FUZZY_BUDGET_STEPS } from './reanchor'
export type { Reanchored, ReanchorOptions } from './reanchor'
