export * from './edge-mqtt-adapter.ts';
export * from './embedded-broker.ts';
