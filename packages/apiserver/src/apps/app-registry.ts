import { createHash } from 'node:crypto';
import { bootcampApp } from './bootcamp-app.js';
import { defaultApp } from './default-app.js';
import { e2eEchoServerApp, echoServerApp, httpEchoApp } from './echo-apps.js';
import type { ImageReference } from './image-reference.js';
import { nginxApp } from './nginx-app.js';
import { containerArgv, planProcess, shellApp } from './shell-app.js';
import { isInterpretable, planCommand } from './shell-command.js';
import type { AppProcess, AppStartContext, SimulatedApp } from './simulated-app.js';

/** The simulated applications every cluster knows, most specific first. */
export const builtinApps: readonly SimulatedApp[] = [bootcampApp, nginxApp, echoServerApp, e2eEchoServerApp, httpEchoApp, shellApp];

// Words that mark an image as one that cannot exist (`nginx:doesnotexist`, `no-such-image`).
const impossible = /doesnotexist|does-not-exist|does_not_exist|nonexist|non-exist|notexist|not-exist|notfound|not-found|nosuchimage|no-such-image|bogus|invalid/i;
// Reserved top-level domains (RFC 2606/6761): their registries never resolve.
const unresolvableHost = /\.(invalid|example|test)(:\d+)?$/i;

/**
 * Which simulated app runs for an image, and which images can be pulled. Extensible: register an
 * app to simulate your own image (it takes precedence over the built-in ones).
 *
 * Pull rules, in order: a registry host under a reserved TLD (`.invalid`, `.example`, `.test`)
 * does not resolve; a repository or tag containing `doesnotexist`, `nonexistent`, `notfound`,
 * `bogus`, `invalid` (and spelling variants) does not exist; an app that lists its `tags` exists
 * only with those tags (`kubernetes-bootcamp:v10` fails); every other image pulls.
 */
export class AppRegistry {
  readonly #apps: SimulatedApp[];

  constructor(apps: readonly SimulatedApp[] = builtinApps) {
    this.#apps = [...apps];
  }

  /** Adds an app ahead of the ones already registered. */
  register(app: SimulatedApp): this {
    this.#apps.unshift(app);
    return this;
  }

  /** The app an image runs (the default app when none matches). */
  appFor(image: ImageReference): SimulatedApp {
    return this.#apps.find((app) => app.matches(image)) ?? defaultApp;
  }

  /** The registry's answer to a pull, in containerd's words; undefined when the image can be pulled. */
  pullError(image: ImageReference): string | undefined {
    const n = image.normalized;
    const resolve = `failed to pull and unpack image "${n}": failed to resolve reference "${n}"`;
    if (unresolvableHost.test(image.registry)) {
      const host = image.registry.replace(/:\d+$/, '');
      return `rpc error: code = Unknown desc = ${resolve}: failed to do request: Head "https://${image.registry}/v2/${image.repository}/manifests/${image.tag ?? image.digest ?? 'latest'}": dial tcp: lookup ${host}: no such host`;
    }
    if (impossible.test(image.repository)) {
      return `rpc error: code = Unknown desc = ${resolve}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
    }
    const app = this.appFor(image);
    const tagMissing = image.tag !== undefined && (impossible.test(image.tag) || (app.tags !== undefined && !app.tags.includes(image.tag)));
    if (tagMissing) return `rpc error: code = NotFound desc = ${resolve}: ${n}: not found`;
    return undefined;
  }

  /** The compressed size a pull reports, in bytes (stable per image). */
  imageSize(image: ImageReference): number {
    const size = this.appFor(image).imageSize;
    if (size !== undefined) return size;
    const h = createHash('sha256').update(image.normalized).digest();
    return 20_000_000 + (h.readUInt32BE(0) % 180_000_000);
  }

  /**
   * Starts a container's process. A command the shell interpreter can follow completely
   * (`sleep 3600`, `sh -c "echo hi"`) runs as that command whatever the image; anything else
   * runs the image's app.
   */
  start(context: AppStartContext): AppProcess {
    const app = this.appFor(context.image);
    if (app !== shellApp && (context.container.command ?? []).length > 0) {
      const argv = containerArgv(context);
      const plan = isInterpretable(argv) ? planCommand(argv, context.env, context.now) : undefined;
      if (plan) return planProcess(context, plan);
    }
    return app.start(context);
  }

  /** Every registered app, most specific first (for documentation). */
  get apps(): readonly SimulatedApp[] {
    return [...this.#apps, defaultApp];
  }
}
