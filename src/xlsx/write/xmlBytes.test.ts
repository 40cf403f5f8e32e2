import fc from "fast-check";
import { XmlBytes } from "./xmlBytes";

describe("XmlBytes", () => {
  it("writes any text as the UTF-8 TextEncoder gives, across growth of its buffer", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 40 }), (pieces) => {
        const out = new XmlBytes(4);
        for (const piece of pieces) out.write(piece);
        expect(out.bytes()).toEqual(new TextEncoder().encode(pieces.join("")));
      }),
    );
  });

  it("keeps ASCII, Swedish letters and characters beyond the BMP", () => {
    const out = new XmlBytes(1);
    out.write("<c>");
    out.write("Förvaltning 😀 ");
    out.write("</c>");
    expect(new TextDecoder().decode(out.bytes())).toBe("<c>Förvaltning 😀 </c>");
  });
});
