/** Runs a CommonJS bundle with a V8 code cache kept in `$XDG_CACHE_HOME/<name>` (see the implementation's notes). */
export declare function runWithCodeCache(bundle: string, name: string): void;
