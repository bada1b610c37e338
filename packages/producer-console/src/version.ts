/** This package's version; keep equal to package.json (define() compares it to warn about two copies). */
export const VERSION = '0.1.0';
