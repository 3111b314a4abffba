export type { LabelSelectorMatcher } from './label-selector.js';
export type { LabelOperator, LabelRequirement } from './label-requirement.js';
export { parseLabelSelector } from './parse-label-selector.js';
export { labelSelectorFromObject, formatLabelSelector, labelSelectorString } from './label-selector-object.js';
export type { FieldRequirement, FieldSelectorMatcher } from './field-selector.js';
export { parseFieldSelector, assertFieldsSupported, escapeFieldValue } from './field-selector.js';
export { fieldValue } from './field-value.js';
