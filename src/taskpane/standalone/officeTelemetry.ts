/** The part of office.js's internals that opens its telemetry frame (o15apptofilemappingtable.js, `OSF.Logger`). */
interface UlsEndpoint {
  loadProxyFrame?: () => void;
  proxyFrame?: HTMLIFrameElement | null;
}

/**
 * Loaded in a plain browser, office.js opens a hidden frame to a Microsoft telemetry host
 * three seconds after it starts (`OSF.Logger.ulsEndpoint`). The stand-alone page promises
 * that nothing leaves the browser, so once we know we are outside Office that frame is
 * never opened, or closed if it already was. Inside Office nothing is changed. The
 * end-to-end tests record every request, so a new office.js that phones home another
 * way shows up there.
 */
export function keepOfficeTelemetryHome(scope: unknown = globalThis): void {
  const endpoint = (scope as { OSF?: { Logger?: { ulsEndpoint?: UlsEndpoint | null } } }).OSF?.Logger?.ulsEndpoint;
  if (!endpoint) return;
  endpoint.loadProxyFrame = () => undefined;
  endpoint.proxyFrame?.remove();
}
