/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The Wasm engines and the embedded database load files at run time; keep them out of bundles.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@prisma/adapter-pg", "pg"],
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
