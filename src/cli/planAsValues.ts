import type { PlanCell, WritePlan } from "../core/types";

/**
 * The plan with every formula replaced by its computed value: for a separate workbook,
 * where references to the user's sheets would point nowhere.
 */
export function planAsValues(plan: WritePlan): WritePlan {
  const asValue = (cell: PlanCell): PlanCell => {
    if (cell === null || !("formula" in cell)) return cell;
    const v = cell.value;
    if (typeof v === "number") return { number: v };
    if (typeof v === "boolean") return { bool: v };
    if (v === null || v === "") return null;
    return { text: v };
  };
  return {
    ...plan,
    remove: [],
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      replaces: undefined,
      blocks: sheet.blocks.map((block) => ({ ...block, cells: block.cells.map((row) => row.map(asValue)) })),
    })),
  };
}
