/** Only paths of this app are followed after sign-in (never "//elsewhere.example" or a full URL). */
export function isLocalPath(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
}
