/** Creates a blank act through the API as the workspace owner, as a coordinator would; returns its id. */
export async function createBlankDocument(serverUrl: string, ownerToken: string, title: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ownerToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, language: 'ka' }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { id?: string; error?: { message: string } };
  if (response.status !== 201 || !body.id) throw new Error(`Creating '${title}' failed: ${response.status} ${body.error?.message ?? ''}`);
  return body.id;
}
