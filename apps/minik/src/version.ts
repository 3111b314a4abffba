import packageJson from '../package.json' with { type: 'json' };

/** This CLI's own version, from its package.json. */
export const minikVersion: string = packageJson.version;
