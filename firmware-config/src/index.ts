export * from './mosquitto/mosquitto-config.ts';
