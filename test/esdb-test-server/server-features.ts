import type * as grpc from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Faults } from './faults';

/** What a 24.10 node lists for the Streams service this server implements (service and method names lower-cased, as the node sends them). */
const STREAMS_METHODS: Array<[method: string, features: string[]]> = [
  ['read', ['position', 'events']],
  ['append', []],
  ['delete', []],
  ['batchappend', []],
];

/** ServerFeatures.GetSupportedMethods: listing batchappend makes @eventstore/db-client append through BatchAppend. */
export function serverFeaturesHandler(faults: Faults) {
  return (
    _call: grpc.ServerUnaryCall<Empty, SupportedMethods>,
    callback: grpc.sendUnaryData<SupportedMethods>,
  ): void => {
    if (faults.unresponsive) return;
    const methods = STREAMS_METHODS.map(([method, features]) =>
      new SupportedMethod()
        .setServiceName('event_store.client.streams.streams')
        .setMethodName(method)
        .setFeaturesList(features),
    );
    callback(null, new SupportedMethods().setEventStoreServerVersion('24.10.0').setMethodsList(methods));
  };
}
