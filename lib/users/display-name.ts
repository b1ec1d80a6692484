/** How a person is named throughout the app: their name, or their email when they gave none. */
export function displayName(user: { name: string; email: string }): string {
  return user.name.trim() || user.email;
}

/** The same for a user who may be gone (a deleted account leaves `null`). */
export function displayNameOrNull(user: { name: string; email: string } | null): string | null {
  return user ? displayName(user) : null;
}
