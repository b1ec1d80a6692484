import { describe, expect, it } from "vitest";
import { detectLanguage } from "@/lib/documents/language";

describe("detectLanguage", () => {
  it("names a document's language in ISO 639-1 where there is a code", () => {
    expect(
      detectLanguage(
        "Мы не допустим расширения НАТО на восток: это вопрос национальной безопасности России, заявил министр.",
      ),
    ).toBe("ru");
    expect(
      detectLanguage(
        "We will not allow NATO to expand to the east: it is a matter of national security, the minister said.",
      ),
    ).toBe("en");
    expect(
      detectLanguage(
        "Ми не допустимо розширення НАТО на схід, це питання національної безпеки України, сказав міністр.",
      ),
    ).toBe("uk");
  });

  it("declines to guess on a text too short to tell", () => {
    expect(detectLanguage("OK.")).toBeNull();
  });
});
