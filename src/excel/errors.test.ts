import { ExcelAdapterError, officeErrorCode, officeErrorMessage } from "./errors";
import { FakeOfficeError } from "./fake/fakeErrors";

describe("officeErrorMessage", () => {
  const codes = [
    "AccessDenied",
    "InvalidOperationInCellEditMode",
    "Conflict",
    "InsertDeleteConflict",
    "RequestPayloadSizeLimitExceeded",
    "ResponsePayloadSizeLimitExceeded",
    "ItemAlreadyExists",
    "ItemNotFound",
    "GeneralException",
    "InvalidArgument",
  ];

  it.each(codes)("%s has its own Swedish and English text", (code) => {
    const { code: mapped, message } = officeErrorMessage(new FakeOfficeError(code, "localized text nobody should show"));
    expect(mapped).toBe(code);
    expect(message.sv).not.toBe(message.en);
    expect(message.sv).not.toContain("localized");
    expect(message).not.toEqual(officeErrorMessage(new Error("x")).message);
  });

  it("tells different situations apart", () => {
    const texts = new Set(["AccessDenied", "InvalidOperationInCellEditMode", "Conflict", "RequestPayloadSizeLimitExceeded", "ItemAlreadyExists", "ItemNotFound", "GeneralException", "InvalidArgument"].map((c) => officeErrorMessage({ code: c }).message.en));
    expect(texts.size).toBe(8);
  });

  it("reads the code, never the message", () => {
    const error = { code: "AccessDenied", message: "The operation isn't available while Excel is in Edit cell mode." };
    expect(officeErrorMessage(error).message.en).toMatch(/protected/);
  });

  it("falls back for anything without a known code", () => {
    for (const error of [new Error("boom"), "text", null, undefined, { code: 42 }, { code: "SomethingNew" }]) {
      const { message } = officeErrorMessage(error);
      expect(message.en).toMatch(/unexpected/);
      expect(message.sv).toMatch(/oväntat/);
    }
    expect(officeErrorCode(new Error("boom"))).toBe("Unknown");
    expect(officeErrorCode({ code: "SomethingNew" })).toBe("SomethingNew");
  });

  it("maps the adapter's own errors by their code too", () => {
    expect(officeErrorMessage(new ExcelAdapterError("AccessDenied", "sheet protected")).code).toBe("AccessDenied");
  });
});
