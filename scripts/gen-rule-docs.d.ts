/** Types of scripts/gen-rule-docs.js, for the test that keeps the generated file current. */
export declare function generate(): string;
export declare const OUT: string;
