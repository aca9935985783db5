/** Blank 附件2/附件3 templates with live formulas, as a host-neutral description. */
export * from "./model";
export { buildTemplate, QUALITATIVE_PHRASES, SCHEMES, TEMPLATE_DEFAULTS, EXECUTION_WEIGHT } from "./build";
export { freeSheetNames, templateConflict } from "./names";
