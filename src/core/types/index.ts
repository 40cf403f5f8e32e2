export * from "./cell";
export * from "./snapshot";
export * from "./finding";
export * from "./settings";
export * from "./model";
export * from "./summaries";
export * from "./plan";
