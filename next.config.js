/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A second build directory lets a test run build and serve without replacing a running app's.
  distDir: process.env.PARLEY_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tests included) as its first step; checking again
  // inside every build only doubles the time.
  typescript: { ignoreBuildErrors: true },
  // Documents up to 2 MB of text arrive through server actions (the import form).
  // Files up to 20 MB arrive at POST /api/w/[slug]/documents; proxy.ts runs first and would cut a
  // longer body at its 10 MB default (MAX_FILE_BYTES plus the form's other fields, lib/documents/upload.ts).
  experimental: {
    serverActions: { bodySizeLimit: "5mb" },
    proxyClientMaxBodySize: 21 * 1024 * 1024,
    // Turbopack keeps a build cache on disk to speed up the next build here; CI builds once in a
    // fresh clone, where writing that cache only adds a minute or two.
    turbopackFileSystemCacheForBuild: process.env.CI !== "true",
  },
  // The Wasm engines and the embedded database load files at run time; keep them out of bundles.
  // The large libraries are loaded by Node from node_modules, once per process: bundled, the
  // server's two React layers each held a copy of the code (the English model alone is 3.8 MB of
  // source) and each its own instance of the language model.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "@prisma/adapter-pg",
    "@zxcvbn-ts/language-common",
    "exceljs",
    "linkedom",
    "mammoth",
    "pg",
    "pino",
    "prom-client",
    "unpdf",
    "wink-eng-lite-web-model",
    "wink-nlp",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
