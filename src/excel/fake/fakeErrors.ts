/**
 * Errors the fake throws, shaped like `OfficeExtension.Error`: a stable `code` (the
 * adapter reads only that), a `message` and `debugInfo`.
 */
export class FakeOfficeError extends Error {
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };

  constructor(
    public readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${what}.`);
}

export function invalidArgument(what: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${what}.`);
}

export function accessDenied(what: string): FakeOfficeError {
  return new FakeOfficeError("AccessDenied", `You cannot perform the requested operation: ${what}.`);
}

export function itemAlreadyExists(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemAlreadyExists", `The resource being created already exists: ${what}.`);
}
