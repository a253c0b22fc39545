import { ApiProcess, callAs } from './api-process';

/**
 * S3 across processes: `users` users, created through both processes, all ask at once for one of
 * `seats` seats, each through the process that did not create it. Exactly `seats` must win and every
 * other answer must be InsufficientSeats. Returns the answers for the caller's own checks.
 */
export async function raceForTheLastSeats(
  [first, second]: [ApiProcess, ApiProcess],
  call: ReturnType<typeof callAs>,
  { seats, users, servicePlans }: { seats: number; users: number; servicePlans: string[] },
): Promise<Response[]> {
  expect(
    (await call(first, 'POST', '/v1/subscriptions', { skuId: 'E3', name: 'E3', servicePlans, seats })).status,
  ).toBe(201);
  const userIds: string[] = [];
  for (let i = 0; i < users; i++) {
    const response = await call(i % 2 === 0 ? first : second, 'POST', '/v1/users', {
      userPrincipalName: `racer${i}@x.com`,
      displayName: `R${i}`,
      usageLocation: 'US',
    });
    expect(response.status).toBe(201);
    userIds.push(((await response.json()) as { userId: string }).userId);
  }

  const responses = await Promise.all(
    userIds.map((userId, i) =>
      call(i % 2 === 0 ? second : first, 'POST', `/v1/users/${userId}/assignLicense`, {
        addLicenses: [{ skuId: 'E3' }],
        removeLicenses: [],
      }),
    ),
  );
  const statuses = responses.map((response) => response.status);
  expect(statuses.filter((status) => status === 200)).toHaveLength(seats);
  expect(statuses.filter((status) => status === 409)).toHaveLength(users - seats);
  const refusals = await Promise.all(
    responses.filter((response) => response.status === 409).map((response) => response.clone().json()),
  );
  expect(refusals.map((body) => (body as { error: string }).error)).toEqual(
    Array(users - seats).fill('InsufficientSeats'),
  );
  return responses;
}
