// Module resolution hook: `@entente/*` packages export their compiled dist/ under the `entente-dist`
// condition and their TypeScript sources otherwise (what tests, tsx and Vite read).
export async function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, 'entente-dist'] });
}
