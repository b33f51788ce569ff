export function minifyCssLiterals(source: string): string;
export function cssTemplates(source: string): string[];
