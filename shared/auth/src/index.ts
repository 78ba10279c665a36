export * from './password-hasher';
export * from './password-policy';
export * from './staff-token';
