/**
 * Loads the `yaml` package on demand (it costs tens of milliseconds at startup). Bundled, its
 * CommonJS build is what a dynamic import sees, with the API under `default`.
 */
export async function loadYaml(): Promise<typeof import('yaml')> {
  const mod = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  return typeof mod.parseAllDocuments === 'function' ? mod : mod.default!;
}
