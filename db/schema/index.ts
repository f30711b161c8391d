export * from './basisondersteuning';
export * from './sociale-basis';
export * from './aanvullende-ondersteuning';
export * from './huishoudelijke-hulp';
export * from './financien';
export * from './privacy';
