import type { WritePlan } from "../core/types";
import { wrapErrors, xlsxError } from "./errors";
import { CONTENT_TYPE, NS, REL_TYPE } from "./opc";
import { DEFAULT_STYLES_XML } from "./write/stylesEditor";
import { applyPlanToXlsx } from "./writeXlsx";
import { zipFromMap } from "./zip";

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/**
 * An empty workbook package: the parts Excel needs and no sheet yet (the plan adds them).
 * Not valid on its own (a workbook needs a sheet), so it is never returned as is.
 */
export function emptyWorkbookPackage(): Uint8Array {
  return zipFromMap(
    new Map([
      [
        "[Content_Types].xml",
        `${XML_HEAD}<Types xmlns="${NS.contentTypes}"><Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/><Default Extension="xml" ContentType="${CONTENT_TYPE.xml}"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`,
      ],
      ["_rels/.rels", `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL_TYPE.officeDocument}" Target="xl/workbook.xml"/></Relationships>`],
      [
        "xl/workbook.xml",
        `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView activeTab="0"/></bookViews><sheets/><calcPr calcId="191029"/></workbook>`,
      ],
      ["xl/_rels/workbook.xml.rels", `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL_TYPE.styles}" Target="styles.xml"/></Relationships>`],
      ["xl/styles.xml", DEFAULT_STYLES_XML],
    ]),
  );
}

/**
 * A fresh workbook holding only the plan's sheets, for when the user's workbook cannot be
 * written into safely. The caller converts the plan's formulas to values first if they
 * refer to the user's sheets. Sheets to remove or replace do not exist here and are ignored.
 */
export function newWorkbookFromPlan(plan: WritePlan): Uint8Array {
  return wrapErrors(() => {
    if (plan.sheets.length === 0) throw xlsxError("invalid-plan", { sv: "Det finns inga blad att skriva.", en: "There are no sheets to write." });
    const sheets = plan.sheets.map((sheet, i) =>
      // A workbook needs a visible sheet: the first one is shown even if the plan hides it.
      ({ ...sheet, replaces: undefined, hidden: i === 0 ? false : sheet.hidden }),
    );
    return applyPlanToXlsx(emptyWorkbookPackage(), { ...plan, sheets, remove: [] });
  });
}
