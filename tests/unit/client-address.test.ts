import { describe, expect, it } from "vitest";
import { clientAddressFrom, LOCAL_CLIENT } from "@/lib/platform/auth/client-address";

describe("the client address used for throttling", () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it("is one local client when no proxy header is trusted, whatever the request claims", () => {
    expect(clientAddressFrom(headers({ "x-forwarded-for": "203.0.113.9" }), "")).toBe(LOCAL_CLIENT);
  });

  it("takes the last entry of the trusted list: the one the proxy added, not one the client forged", () => {
    const h = headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.9" });
    expect(clientAddressFrom(h, "x-forwarded-for")).toBe("203.0.113.9");
    expect(clientAddressFrom(headers({ "x-real-ip": "2001:db8::1" }), "x-real-ip")).toBe("2001:db8::1");
    expect(clientAddressFrom(headers({ "x-forwarded-for": "::ffff:192.0.2.4" }), "x-forwarded-for")).toBe("192.0.2.4");
  });

  it("falls back to the local client for a missing or malformed header", () => {
    expect(clientAddressFrom(headers({}), "x-forwarded-for")).toBe(LOCAL_CLIENT);
    expect(clientAddressFrom(headers({ "x-forwarded-for": "203.0.113.9, not-an-ip" }), "x-forwarded-for")).toBe(
      LOCAL_CLIENT,
    );
  });
});
