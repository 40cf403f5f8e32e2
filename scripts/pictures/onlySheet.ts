import { openZip, zipFromMap } from "../../src/xlsx/zip";

/**
 * A copy of a workbook in which only `sheet` is visible and active, printing `area`
 * (an A1 range, e.g. the top of the sheet with its chart) or the whole sheet, so a PDF
 * export (which skips hidden sheets) shows just that. For pictures only: it never
 * touches the user's file.
 */
export function onlySheetVisible(bytes: Uint8Array, sheet: string, area?: string): Uint8Array {
  const zip = openZip(bytes);
  const parts = new Map<string, Uint8Array | string>();
  const escaped = sheet.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  for (const entry of zip.entries) {
    const data = zip.read(entry.name);
    if (entry.name !== "xl/workbook.xml") {
      parts.set(entry.name, data.slice());
      continue;
    }
    let index = -1;
    let position = 0;
    let xml = new TextDecoder().decode(data).replace(/<sheet\b[^>]*?\/>/g, (tag) => {
      const name = /\bname="([^"]*)"/.exec(tag)?.[1];
      const keep = name === escaped || name === sheet;
      if (keep) index = position;
      position++;
      const plain = tag.replace(/\sstate="[^"]*"/, "");
      return keep ? plain : plain.replace("<sheet ", `<sheet state="hidden" `);
    });
    if (index < 0) throw new Error(`no sheet named ${sheet}`);
    // LibreOffice prints only print areas once any sheet has one: the picture shows the whole sheet.
    xml = xml.replace(/<definedName\b[^>]*\bname="_xlnm\.Print_Area"[^>]*>[^<]*<\/definedName>/g, "");
    if (area) {
      const name = `<definedName name="_xlnm.Print_Area" localSheetId="${index}">'${escaped.replace(/&apos;/g, "&apos;&apos;")}'!${area}</definedName>`;
      xml = /<definedNames>/.test(xml) ? xml.replace("<definedNames>", `<definedNames>${name}`) : xml.replace("</sheets>", `</sheets><definedNames>${name}</definedNames>`);
    }
    const view = `activeTab="${index}" firstSheet="${index}"`;
    xml = /<workbookView\b/.test(xml)
      ? xml.replace(/\sactiveTab="\d+"/, "").replace(/\sfirstSheet="\d+"/, "").replace(/<workbookView\b/, `<workbookView ${view}`)
      : xml.replace(/<sheets>/, `<bookViews><workbookView ${view}/></bookViews><sheets>`);
    parts.set(entry.name, xml);
  }
  return zipFromMap(parts);
}
