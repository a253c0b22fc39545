import { LedgerEvent } from '@app/domain';
import request from 'supertest';
import { apiSpecification } from '../support/api-spec';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';

const ann = '11111111-1111-4111-8111-111111111111';

/** A JSON type as Microsoft Graph documents it: Int32 fields are whole numbers, collections are arrays of one shape. */
type Shape = 'String' | 'Int32' | readonly string[] | { readonly [field: string]: Shape } | readonly [Shape];

/**
 * The properties of Graph v1.0 that the ledger answers, with Graph's documented types
 * (learn.microsoft.com/graph/api/resources/subscribedsku, licenseunitsdetail, serviceplaninfo, licensedetails).
 * skuId is a Guid in Graph; API.md makes it our skuId, a String. Graph's id, accountId, accountName,
 * appliesTo, subscriptionIds and servicePlanId are not answered (the ledger has no such ids).
 */
const SERVICE_PLAN_INFO = {
  servicePlanName: 'String',
  provisioningStatus: ['Success', 'Disabled', 'Error', 'PendingInput', 'PendingActivation', 'PendingProvisioning'],
} as const;
const SUBSCRIBED_SKU: Shape = {
  skuId: 'String',
  skuPartNumber: 'String',
  capabilityStatus: ['Enabled', 'Warning', 'Suspended', 'Deleted', 'LockedOut'],
  consumedUnits: 'Int32',
  prepaidUnits: { enabled: 'Int32', warning: 'Int32', suspended: 'Int32', lockedOut: 'Int32' },
  servicePlans: [{ ...SERVICE_PLAN_INFO, appliesTo: ['User', 'Company'] }],
};
const LICENSE_DETAILS: Shape = { skuId: 'String', skuPartNumber: 'String', servicePlans: [SERVICE_PLAN_INFO] };

/** Every place where `value` departs from `shape`: a missing or extra field, or a value of another type. */
function departures(value: unknown, shape: Shape, path = '$'): string[] {
  if (shape === 'String') return typeof value === 'string' ? [] : [`${path} is not a String`];
  if (shape === 'Int32')
    return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31 ? [] : [`${path} is not an Int32`];
  if (Array.isArray(shape) && shape.length === 1 && typeof shape[0] !== 'string') {
    if (!Array.isArray(value) || value.length === 0) return [`${path} is not a non-empty collection`];
    return value.flatMap((item, index) => departures(item, shape[0] as Shape, `${path}[${index}]`));
  }
  if (Array.isArray(shape))
    return shape.includes(value) ? [] : [`${path} is ${JSON.stringify(value)}, not one of ${shape.join(', ')}`];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path} is not an object`];
  const fields = shape as Record<string, Shape>;
  return [
    ...Object.keys(value)
      .filter((field) => !(field in fields))
      .map((field) => `${path}.${field} is not a Graph property`),
    ...Object.entries(fields).flatMap(([field, inner]) =>
      field in value
        ? departures((value as Record<string, unknown>)[field], inner, `${path}.${field}`)
        : [`${path}.${field} is missing`],
    ),
  ];
}

const e3: LedgerEvent = {
  type: 'SubscriptionAdded',
  data: { skuId: 'E3', name: 'Office 365 E3', servicePlans: ['EXCHANGE', 'SHAREPOINT'], seats: 5 },
};
const annCreated: LedgerEvent = {
  type: 'UserCreated',
  data: { userId: ann, userPrincipalName: 'Ann@contoso.com', displayName: 'Ann', usageLocation: 'US', aliases: [] },
};
const annHoldsE3: LedgerEvent = {
  type: 'LicenseAssigned',
  data: { userId: ann, skuId: 'E3', disabledPlans: ['SHAREPOINT'] },
};

describe('Microsoft Graph-shaped reads', () => {
  let ledger: LedgerApp;
  let spec: ReturnType<typeof apiSpecification>;

  beforeAll(async () => {
    ledger = await startLedgerApp();
    spec = apiSpecification(ledger);
  });
  afterAll(() => ledger.close());

  it('the shape checker finds a Number that is no Int32, an extra field and a missing one', () => {
    expect(
      departures(
        {
          skuId: 'E3',
          skuPartNumber: 'E3',
          extra: 1,
          servicePlans: [{ servicePlanName: 'X', provisioningStatus: 'Success' }],
        },
        LICENSE_DETAILS,
      ),
    ).toEqual(['$.extra is not a Graph property']);
    expect(departures({ skuId: 'E3', skuPartNumber: 'E3', consumedUnits: 1.5 }, SUBSCRIBED_SKU)).toEqual(
      expect.arrayContaining(['$.consumedUnits is not an Int32', '$.prepaidUnits is missing']),
    );
  });

  it.each(['auditor', 'compliance', 'user-admin'] as const)(
    'subscribedSkus answers %s with Graph subscribedSku, field by field',
    (role) =>
      spec
        .given(e3, { type: 'SeatsExpired', data: { skuId: 'E3', count: 1 } }, annCreated, annHoldsE3)
        .when((caller) => caller.get('/v1/subscribedSkus'), role)
        .then({
          status: 200,
          body: {
            value: [
              {
                skuId: 'E3',
                skuPartNumber: 'E3',
                capabilityStatus: 'Enabled',
                consumedUnits: 1,
                prepaidUnits: { enabled: 4, warning: 0, suspended: 0, lockedOut: 0 },
                servicePlans: [
                  { servicePlanName: 'EXCHANGE', provisioningStatus: 'Success', appliesTo: 'User' },
                  { servicePlanName: 'SHAREPOINT', provisioningStatus: 'Success', appliesTo: 'User' },
                ],
              },
            ],
          },
        }),
  );

  it('every subscribedSku and licenseDetails field has the type Graph documents', async () => {
    const admin = ledger.as('global-admin');
    await admin
      .post('/v1/subscriptions', { skuId: 'E5', name: 'E5', servicePlans: ['EXCHANGE', 'LYNC'], seats: 3 })
      .expect(201);
    const { body: user } = await admin
      .post('/v1/users', { userPrincipalName: 'bea@contoso.com', displayName: 'Bea', usageLocation: 'GB' })
      .expect(201);
    await admin
      .post(`/v1/users/${user.userId}/assignLicense`, {
        addLicenses: [{ skuId: 'E5', disabledPlans: ['LYNC'] }],
        removeLicenses: [],
      })
      .expect(200);

    const { body: skus } = await ledger.as('auditor').get('/v1/subscribedSkus').expect(200);
    const { body: details } = await ledger.as('auditor').get(`/v1/users/${user.userId}/licenseDetails`).expect(200);

    expect(Object.keys(skus)).toEqual(['value']);
    expect(skus.value).toHaveLength(1);
    expect(departures(skus.value[0], SUBSCRIBED_SKU)).toEqual([]);
    expect(Object.keys(details)).toEqual(['value']);
    expect(details.value).toHaveLength(1);
    expect(departures(details.value[0], LICENSE_DETAILS)).toEqual([]);
  });

  it('licenseDetails by UPN in any case: Disabled for the disabled plans, Success for the others', () =>
    spec
      .given(e3, annCreated, annHoldsE3)
      .when((caller) => caller.get('/v1/users/ANN@Contoso.COM/licenseDetails'), 'compliance')
      .then({
        status: 200,
        body: {
          value: [
            {
              skuId: 'E3',
              skuPartNumber: 'E3',
              servicePlans: [
                { servicePlanName: 'EXCHANGE', provisioningStatus: 'Success' },
                { servicePlanName: 'SHAREPOINT', provisioningStatus: 'Disabled' },
              ],
            },
          ],
        },
      }));

  it('licenseDetails of a user the tenant never had is 404 UserNotFound', () =>
    spec
      .given(e3)
      .when((caller) => caller.get('/v1/users/nobody@contoso.com/licenseDetails'), 'auditor')
      .then({
        status: 404,
        body: {
          statusCode: 404,
          error: 'UserNotFound',
          message: expect.any(String),
          details: { userId: 'nobody@contoso.com' },
        },
      }));

  it('servicePlans lists the catalogue to any valid token', async () => {
    const { body } = await ledger.as('compliance').get('/v1/servicePlans').expect(200);
    expect(body.items.map((plan: { id: string }) => plan.id)).toEqual(
      expect.arrayContaining(['EXCHANGE', 'LYNC', 'SHAREPOINT', 'OFFICE']),
    );
    for (const plan of body.items)
      expect(plan).toEqual({ id: expect.any(String), name: expect.any(String), unavailableIn: expect.any(Array) });
    await request(ledger.app.getHttpServer()).get('/v1/servicePlans').expect(401);
  });

  it('the OpenAPI document types each Int32 of Graph as an integer', async () => {
    const { body } = await request(ledger.app.getHttpServer()).get('/docs-json').expect(200);
    const schemas = body.components.schemas;
    expect(schemas.SubscribedSkuDoc.properties.consumedUnits.type).toBe('integer');
    for (const field of ['enabled', 'warning', 'suspended', 'lockedOut'])
      expect(schemas.PrepaidUnitsDoc.properties[field].type).toBe('integer');
    expect(schemas.SubscribedSkuDoc.properties.skuId.description).toMatch(/GUID/);
  });
});
