/** Types of scripts/rules-page.js (the rules.html the build writes), for its test. */
export declare function rulesPage(): string;
export declare function render(markdown: string): string;
export declare function escapeHtml(text: string): string;
