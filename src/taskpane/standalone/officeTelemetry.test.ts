import { keepOfficeTelemetryHome } from "./officeTelemetry";

describe("keepOfficeTelemetryHome", () => {
  it("stops office.js from opening its telemetry frame, and closes one already open", () => {
    let opened = 0;
    let removed = 0;
    const endpoint = { loadProxyFrame: () => void (opened += 1), proxyFrame: { remove: () => void (removed += 1) } as unknown as HTMLIFrameElement };
    keepOfficeTelemetryHome({ OSF: { Logger: { ulsEndpoint: endpoint } } });
    endpoint.loadProxyFrame();
    expect(opened).toBe(0);
    expect(removed).toBe(1);
  });

  it("does nothing where office.js is absent or has no such endpoint", () => {
    expect(() => keepOfficeTelemetryHome({})).not.toThrow();
    expect(() => keepOfficeTelemetryHome({ OSF: { Logger: { ulsEndpoint: null } } })).not.toThrow();
  });
});
