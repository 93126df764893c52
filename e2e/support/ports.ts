/**
 * Where the e2e servers listen: fixed ports by default; E2E_PORT_BUNDLED and E2E_PORT_REDMINE let
 * two runs share a machine.
 */
export const e2ePorts = {
  bundled: Number(process.env.E2E_PORT_BUNDLED ?? 4311),
  redmine: Number(process.env.E2E_PORT_REDMINE ?? 4312),
}

export const e2eBase = {
  bundled: `http://127.0.0.1:${e2ePorts.bundled}`,
  redmine: `http://127.0.0.1:${e2ePorts.redmine}`,
}
