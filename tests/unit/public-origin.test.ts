import { describe, expect, it } from "vitest";
import { deploymentOrigin, isSameOrigin, requestOrigin } from "@/lib/platform/http/public-origin";
import { authorizeMetricsScrape } from "@/lib/platform/observability/metrics-access";
import { routeMatcher } from "@/lib/platform/observability/request-log";

const none = { PARLEY_PUBLIC_URL: undefined, AUTH_URL: undefined, AUTH_TRUST_HOST: false };
const headers = (values: Record<string, string>) => new Headers(values);

describe("the origin the app is reached by", () => {
  it("is the Host header over plain HTTP, whatever a client says in X-Forwarded-* without AUTH_TRUST_HOST", () => {
    const h = headers({ host: "127.0.0.1:3200", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" });
    expect(requestOrigin(h, none)).toBe("http://127.0.0.1:3200");
    expect(requestOrigin(headers({ host: "parley.internal:3000" }), none)).toBe("http://parley.internal:3000");
  });

  it("comes from the proxy's X-Forwarded-Host and -Proto with AUTH_TRUST_HOST", () => {
    const h = headers({
      host: "10.0.0.5:3000",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "parley.example.org",
    });
    expect(requestOrigin(h, { ...none, AUTH_TRUST_HOST: true })).toBe("https://parley.example.org");
  });

  it("accepts an Origin equal to the addressed origin or to the public URL, and no other", () => {
    const settings = { ...none, PARLEY_PUBLIC_URL: "https://parley.example.org" };
    expect(isSameOrigin(headers({ host: "127.0.0.1:3200", origin: "http://127.0.0.1:3200" }), settings)).toBe(true);
    expect(isSameOrigin(headers({ host: "localhost:3200", origin: "http://localhost:3200" }), settings)).toBe(true);
    expect(isSameOrigin(headers({ host: "parley.example.org", origin: "https://parley.example.org" }), settings)).toBe(
      true,
    );
    expect(isSameOrigin(headers({ host: "127.0.0.1:3200" }), settings)).toBe(true);
    expect(isSameOrigin(headers({ host: "127.0.0.1:3200", origin: "http://localhost:3200" }), none)).toBe(false);
    expect(isSameOrigin(headers({ host: "127.0.0.1:3200", origin: "https://evil.example" }), settings)).toBe(false);
    expect(isSameOrigin(headers({ host: "127.0.0.1:3200", origin: "null" }), settings)).toBe(false);
  });
});

describe("cookies and HSTS", () => {
  it("are __Host-/Secure with HSTS under an HTTPS public URL, whatever the request says", () => {
    const mode = deploymentOrigin(headers({ host: "10.0.0.5:3000" }), { ...none, AUTH_URL: "https://p.example/x" });
    expect(mode).toEqual({ origin: "https://p.example", https: true, secureCookies: true, unencrypted: false });
  });

  it("are plain on a plain-HTTP intranet host, which is flagged as unencrypted", () => {
    const settings = { ...none, PARLEY_PUBLIC_URL: "http://parley.internal:3000" };
    expect(deploymentOrigin(headers({ host: "localhost:3000" }), settings)).toEqual({
      origin: "http://parley.internal:3000",
      https: false,
      secureCookies: false,
      unencrypted: true,
    });
    expect(deploymentOrigin(headers({ host: "parley.internal:3000" }), none).secureCookies).toBe(false);
  });

  it("stay __Host- on loopback, which browsers treat as secure, without HSTS", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000"])
      expect(deploymentOrigin(headers({ host }), none)).toMatchObject({
        https: false,
        secureCookies: true,
        unencrypted: false,
      });
  });
});

describe("the request log's route", () => {
  const match = routeMatcher({
    staticRoutes: [
      { page: "/", regex: "^/(?:/)?$" },
      { page: "/sign-in", regex: "^/sign\\-in(?:/)?$" },
    ],
    dynamicRoutes: [
      { page: "/api/w/[slug]/documents", regex: "^/api/w/([^/]+?)/documents(?:/)?$" },
      { page: "/invite/[token]", regex: "^/invite/([^/]+?)(?:/)?$" },
    ],
  });

  it("is the pattern, never the path with its tokens", () => {
    expect(match("/")).toBe("/");
    expect(match("/sign-in/")).toBe("/sign-in");
    expect(match("/api/w/demo/documents")).toBe("/api/w/[slug]/documents");
    expect(match("/invite/secret-token-value")).toBe("/invite/[token]");
    expect(match("/_next/static/chunks/app.js")).toBe("/_next/static");
    expect(match("/no/such/page")).toBe("(other)");
  });
});

describe("the metrics endpoint's token", () => {
  const token = "a-metrics-token-of-some-length";
  const withAuthorization = (value?: string) => new Headers(value ? { authorization: value } : {});

  it("is 404 while no token is configured, 401 without the right one, and lets the right one through", () => {
    expect(authorizeMetricsScrape(withAuthorization(`Bearer ${token}`), undefined)?.status).toBe(404);
    expect(authorizeMetricsScrape(withAuthorization(), token)?.status).toBe(401);
    expect(authorizeMetricsScrape(withAuthorization(`Bearer ${token}x`), token)?.status).toBe(401);
    expect(authorizeMetricsScrape(withAuthorization(token), token)?.status).toBe(401);
    expect(authorizeMetricsScrape(withAuthorization(`Bearer ${token}`), token)).toBeNull();
  });
});
