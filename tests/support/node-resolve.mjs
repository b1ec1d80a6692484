// Module resolution for test code that Node loads itself (the Playwright runner's workers), matching
// what Next's bundler and Vitest's aliases do for the app's server code:
//   - `server-only` is an empty module (Next swaps it on the server; outside React's server
//     environment the package itself throws on import);
//   - `next/server`, `next/headers`… resolve to their .js files: next has no `exports` map, and
//     next-auth (in node_modules) imports them without an extension, which Node's ESM resolver
//     refuses.
// playwright.config.ts registers it with `module.register`.
const EMPTY_MODULE = new URL("./empty-module.mjs", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: EMPTY_MODULE, shortCircuit: true };
  if (/^next\/[\w-]+$/.test(specifier)) {
    try {
      return await nextResolve(`${specifier}.js`, context);
    } catch {
      // Not a file of that name (a folder with an index, say): Node's own resolution below.
    }
  }
  return nextResolve(specifier, context);
}
