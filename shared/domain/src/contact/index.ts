export * from './phone-key';
