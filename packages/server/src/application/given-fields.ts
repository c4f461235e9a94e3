/**
 * The fields a partial update actually gives: GraphQL sends an omitted
 * optional input as undefined or null, and neither may overwrite a stored value.
 */
export function givenFields<T extends object>(change: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== null && value !== undefined)) as { [K in keyof T]?: Exclude<T[K], null> };
}
