/**
 * The one read module of the app: server components and route handlers ask these typed questions
 * of the current build; nothing in app/ writes SQL of its own.
 */
export * from './build';
export * from './overview';
export * from './topics';
export * from './papers';
export * from './search';
export * from './authors';
export * from './quality';
export * from './map';
export * from './graph';
export * from './trends';
export * from './citations';
