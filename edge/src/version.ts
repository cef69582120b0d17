/** Reported in the edge status message and /healthz; bumped with the package version. */
export const EDGE_VERSION = '0.1.0';
