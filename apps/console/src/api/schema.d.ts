// Generated from the API's OpenAPI document by apps/console/tools/openapi-schema.ts; do not edit.
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format); with LEDGER_OPS_TOKEN set, send it as the bearer token */
        get: operations["MetricsController_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: up while the process runs */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the event store answers and the read-model lag (checkpoint, head, lag)
         * @description With LEDGER_OPS_TOKEN set, only a caller sending it as the bearer token sees the details; anyone else gets `{status}` and the same status code.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seats of every subscription: valid, expired, assigned, available */
        get: operations["SubscriptionsController_list"];
        put?: never;
        /** Add a subscription (S1): its plans come from the catalogue */
        post: operations["SubscriptionsController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{skuId}/seats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Purchase, expire or renew seats (S2) */
        post: operations["SubscriptionsController_changeSeats"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{skuId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SubscriptionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, optionally those holding a SKU or of a status; cursor paging */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user (U1); the server assigns its userId */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        /** Delete a user: frees every license at once; data kept for the 30-day grace period (U4) */
        delete: operations["UsersController_remove"];
        options?: never;
        head?: never;
        /** Change the display name or usage location (U3 keeps holding for held licenses) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/v1/users/{userId}/aliases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an e-mail alias, unique among all UPNs and aliases (U1) */
        post: operations["UsersController_addAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/assignLicense": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add and remove licenses of one user, atomically (L1); Exchange changes follow L3/L4 */
        post: operations["UsersController_assignLicense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/licenses/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add to or replace the licenses of many users at once (L9): all or nothing; dryRun applies nothing */
        post: operations["LicensesController_bulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/licenses/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move one seat from one user to another, never free in between (L8) */
        post: operations["LicensesController_reassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retention/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mailboxes by retention status, optionally those to be purged before an instant; cursor paging
         * @description Every mailbox of the tenant in the order it was first provisioned. A soft-deleted mailbox shows its purgeAfter (softDeletedAt + 30 days); the retention saga purges it at that time unless Exchange comes back first (L4, L5).
         */
        get: operations["RetentionController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retention/users/{userId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's retention timeline: every lifecycle step with time and actor, and the purges still scheduled
         * @description What was soft-deleted when and by whom, what was restored, what was purged (by system:retention), that SharePoint documents were retained (L6), and while a purge is pending, when it will happen. Purged users keep their timeline.
         */
        get: operations["RetentionController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger's current time (manual clock only); any valid token */
        get: operations["ClockController_now"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the manual clock forward, then run the retention saga once at the new time
         * @description Non-negative integers, at least one of them > 0. Answers after one whole retention pass at the new time, so whatever fell due (mailboxes, deleted users) is purged when the answer arrives. The clock lives in the event store: every API node on it shares the time.
         */
        post: operations["ClockController_advance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who changed what: one entry per event, in store order, filtered; or every match as CSV or NDJSON
         * @description Filters combine (AND); `from`/`to` bound occurredAt inclusively; `type` takes one type or several separated by commas. With `Accept: application/json` (the default) the answer is a page: pass `nextCursor` back as `cursor` for the next one. `Accept: text/csv` or `Accept: application/x-ndjson` streams every match instead (limit and cursor are ignored): CSV has a header row (position,eventId,type,occurredAt,actorId,actorName,userId,skuId,correlationId,data), RFC 4180 quoting and CRLF line ends, with `data` as JSON text; NDJSON has one audit entry per line. Any other Accept: 406 NotAcceptable.
         */
        get: operations["AuditController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Seats and assignments as they were at an instant, replayed from the event history
         * @description Folds the tenant's events whose occurredAt is at or before `at` (the ledger clock's time). Subscriptions are sorted by skuId, assignments by userId then skuId.
         */
        get: operations["AuditController_state"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/config.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConsoleConfigController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorBodyDto: {
            /** @example 409 */
            statusCode: number;
            /**
             * @description Stable error code of the public contract
             * @example InsufficientSeats
             */
            error: string;
            /** @example Not enough seats of SKU ENTERPRISEPACK. */
            message: string;
            details?: {
                [key: string]: unknown;
            };
        };
        CreateSubscriptionDto: {
            /** @example O365_BUSINESS_PREMIUM */
            skuId: string;
            /** @example Office 365 Business Premium */
            name: string;
            /**
             * @description Plan ids of the catalogue
             * @example [
             *       "EXCHANGE",
             *       "LYNC",
             *       "SHAREPOINT",
             *       "OFFICE"
             *     ]
             */
            servicePlans: string[];
            /** @example 25 */
            seats: number;
        };
        SubscriptionViewDoc: {
            skuId: string;
            name: string;
            servicePlans: string[];
            valid: number;
            expired: number;
            assigned: number;
            /** @description max(0, valid - assigned) */
            available: number;
            /** @description max(0, assigned - valid): seats expired while assigned */
            overAssigned: number;
        };
        ChangeSeatsDto: {
            /** @enum {string} */
            action: "purchase" | "expire" | "renew";
            /** @example 5 */
            count: number;
        };
        SubscriptionListDoc: {
            items: components["schemas"]["SubscriptionViewDoc"][];
        };
        CreateUserDto: {
            /**
             * @description E-mail form, unique case-insensitively
             * @example ada@contoso.com
             */
            userPrincipalName: string;
            /** @example Ada Lovelace */
            displayName: string;
            /**
             * @description ISO 3166-1 alpha-2, upper case; needed before a license is assigned
             * @example GB
             */
            usageLocation?: string;
            /**
             * @example [
             *       "ada.l@contoso.com"
             *     ]
             */
            aliases?: string[];
        };
        LicenseViewDoc: {
            skuId: string;
            disabledPlans: string[];
            /** Format: date-time */
            assignedAt: string;
            /** @description Actor id */
            assignedBy: string;
        };
        MailboxViewDoc: {
            /** Format: uuid */
            userId: string;
            userPrincipalName: string;
            /** @enum {string} */
            status: "active" | "softDeleted" | "purged";
            /** Format: date-time */
            provisionedAt: string;
            /** Format: date-time */
            softDeletedAt: string | null;
            /**
             * Format: date-time
             * @description softDeletedAt + 30 days
             */
            purgeAfter: string | null;
            /** Format: date-time */
            purgedAt: string | null;
            /** @enum {string} */
            contactsList: "active" | "deleted" | "purged";
        };
        UserViewDoc: {
            /** Format: uuid */
            userId: string;
            userPrincipalName: string;
            displayName: string;
            usageLocation: string | null;
            /** @enum {string} */
            status: "active" | "deleted";
            aliases: string[];
            licenses: components["schemas"]["LicenseViewDoc"][];
            mailbox: components["schemas"]["MailboxViewDoc"] | null;
        };
        UpdateUserDto: {
            /** @example Ada King */
            displayName?: string;
            /** @example FR */
            usageLocation?: string;
        };
        AddAliasDto: {
            /** @example sales@contoso.com */
            alias: string;
        };
        LicenseToAddDto: {
            /** @example O365_BUSINESS_PREMIUM */
            skuId: string;
            /**
             * @description Plans of the SKU to leave off
             * @example [
             *       "LYNC"
             *     ]
             */
            disabledPlans?: string[];
        };
        AssignLicenseDto: {
            addLicenses: components["schemas"]["LicenseToAddDto"][];
            /** @example [] */
            removeLicenses: string[];
        };
        UserPageDoc: {
            items: components["schemas"]["UserViewDoc"][];
            nextCursor: string | null;
        };
        BulkLicensesDto: {
            userIds: string[];
            /**
             * @example [
             *       "O365_BUSINESS_PREMIUM"
             *     ]
             */
            skuIds: string[];
            /**
             * @description add to existing, or replace existing license assignments
             * @enum {string}
             */
            mode: "add" | "replace";
            /**
             * @description Compute the result, apply nothing
             * @default false
             */
            dryRun: boolean;
        };
        BulkUserResultDoc: {
            /** Format: uuid */
            userId: string;
            added: string[];
            removed: string[];
            /** @description The user loses Exchange: the mailbox is soft-deleted for 30 days */
            mailboxEntersGracePeriod: boolean;
        };
        BulkSeatsDoc: {
            skuId: string;
            /** @description Seats this call takes */
            needed: number;
            /** @description Seats available before this call */
            available: number;
        };
        BulkResultDoc: {
            dryRun: boolean;
            applied: boolean;
            users: components["schemas"]["BulkUserResultDoc"][];
            seats: components["schemas"]["BulkSeatsDoc"][];
        };
        ReassignLicenseDto: {
            /** @example O365_BUSINESS_PREMIUM */
            skuId: string;
            /** Format: uuid */
            fromUserId: string;
            /** Format: uuid */
            toUserId: string;
        };
        ReassignResultDoc: {
            from: components["schemas"]["UserViewDoc"];
            to: components["schemas"]["UserViewDoc"];
        };
        MailboxPageDoc: {
            items: components["schemas"]["MailboxViewDoc"][];
            /** @description Pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
        };
        TimelineActorDoc: {
            /** @example system:retention */
            id: string;
            /** @example Retention saga */
            name: string | null;
        };
        TimelineEntryDoc: {
            /**
             * Format: date-time
             * @description Clock time of the step
             */
            at: string;
            /**
             * @description The event type (UserCreated, LicenseAssigned, LicenseUpdated, LicenseRemoved, MailboxProvisioned, MailboxSoftDeleted, MailboxRestored, MailboxPurged, AliasesReleased, ContactsListDeleted, ContactsListRestored, UserDeleted, UserPurged), or a step derived from one: ContactsListPurged (with MailboxPurged) and SharePointDocumentsRetained (L6: once per change that removed data — a soft-delete, a deletion or a purge).
             * @example MailboxSoftDeleted
             */
            type: string;
            /** @description Who did it; the retention saga is system:retention */
            actor: components["schemas"]["TimelineActorDoc"];
            /**
             * @description The event data without the userId: e.g. skuId and reason of LicenseRemoved, purgeAfter of MailboxSoftDeleted
             * @example {
             *       "purgeAfter": "2030-01-31T10:00:00.000Z"
             *     }
             */
            details: {
                [key: string]: unknown;
            };
        };
        ScheduledPurgeDoc: {
            /**
             * Format: date-time
             * @description purgeAfter: the saga purges at or soon after this instant
             */
            at: string;
            /**
             * @description purgeMailbox: the mailbox and contacts list (L5); purgeUser: the deleted user's data but SharePoint documents, freeing the UPN (U4)
             * @enum {string}
             */
            action: "purgeMailbox" | "purgeUser";
        };
        RetentionTimelineDoc: {
            userId: string;
            /** @description Every lifecycle step, oldest first */
            entries: components["schemas"]["TimelineEntryDoc"][];
            /** @description Purges still pending (empty once purged or restored) */
            scheduled: components["schemas"]["ScheduledPurgeDoc"][];
        };
        ClockViewDoc: {
            /**
             * Format: date-time
             * @example 2030-01-01T10:00:00.000Z
             */
            now: string;
        };
        AdvanceClockDto: {
            /** @example 30 */
            days?: number;
            /** @example 0 */
            hours?: number;
            /** @example 0 */
            minutes?: number;
        };
        AuditActorDoc: {
            /** @example alice */
            id: string;
            /**
             * @description null when the token had no name
             * @example Alice Doe
             */
            name: string | null;
        };
        AuditEntryDoc: {
            /** @description Store position: the order of the trail */
            position: number;
            /** Format: uuid */
            eventId: string;
            /** @enum {string} */
            type: "SubscriptionAdded" | "SeatsPurchased" | "SeatsExpired" | "SeatsRenewed" | "UserCreated" | "UserUpdated" | "AliasAdded" | "UserDeleted" | "UserPurged" | "LicenseAssigned" | "LicenseUpdated" | "LicenseRemoved" | "MailboxProvisioned" | "MailboxSoftDeleted" | "MailboxRestored" | "MailboxPurged" | "AliasesReleased" | "ContactsListDeleted" | "ContactsListRestored";
            /** Format: date-time */
            occurredAt: string;
            actor: components["schemas"]["AuditActorDoc"];
            /**
             * Format: uuid
             * @description The user the event is about, when there is one
             */
            userId?: string;
            /** @description The SKU the event is about, when there is one */
            skuId?: string;
            /** @description The event data as stored */
            data: {
                [key: string]: unknown;
            };
            correlationId: string;
        };
        AuditPageDoc: {
            items: components["schemas"]["AuditEntryDoc"][];
            nextCursor: string | null;
        };
        AuditAssignmentDoc: {
            /** Format: uuid */
            userId: string;
            skuId: string;
            disabledPlans: string[];
        };
        AuditStateDoc: {
            /** Format: date-time */
            at: string;
            subscriptions: components["schemas"]["SubscriptionViewDoc"][];
            assignments: components["schemas"]["AuditAssignmentDoc"][];
        };
        ConsoleOidcDoc: {
            /** @description LEDGER_OIDC_ISSUER */
            issuer: string;
            /** @description LEDGER_CONSOLE_OIDC_CLIENT_ID, else LEDGER_OIDC_AUDIENCE */
            clientId: string;
            /** @description LEDGER_CONSOLE_OIDC_SCOPE, else "openid profile" */
            scope: string;
        };
        ConsoleConfigDoc: {
            /** @description null: sign in by pasting a token */
            oidc: components["schemas"]["ConsoleOidcDoc"] | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    MetricsController_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Unauthenticated: LEDGER_OPS_TOKEN is set and was not sent */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description Ready
             *
             *     The Health Check is successful
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /**
             * @description Not ready: the terminus body names the failing check
             *
             *     The Health Check is not successful
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    SubscriptionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionListDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SubscriptionsController_add: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubscriptionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SubscriptionsController_changeSeats: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path: {
                skuId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeSeatsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SubscriptionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                skuId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Only users holding this SKU */
                skuId?: string;
                status?: "active" | "deleted";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_remove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_addAlias: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddAliasDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_assignLicense: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignLicenseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    LicensesController_bulk: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkLicensesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResultDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    LicensesController_reassign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignLicenseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReassignResultDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, user-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RetentionController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                status?: "active" | "softDeleted" | "purged";
                /** @description Only mailboxes whose purgeAfter is before this instant (ISO 8601 with Z or an offset, or a date) */
                purgeBefore?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxPageDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, compliance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RetentionController_timeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The userId the server assigned when the user was created */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionTimelineDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, compliance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UserNotFound: the tenant never had this user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ClockController_now: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NotFound: the service does not run with LEDGER_CLOCK=manual */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ClockController_advance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvanceClockDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockViewDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NotFound: the service does not run with LEDGER_CLOCK=manual */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description IdempotencyKeyReused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ServiceUnavailable: the event store cannot be reached; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditController_events: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Only events about this user (its userId) */
                userId?: string;
                /** @description Only events about this SKU */
                skuId?: string;
                /** @description Only events made by this actor id (the token's `sub`, or `system:retention`) */
                actor?: string;
                /** @description Only events of these types: one, or several separated by commas */
                type?: ("SubscriptionAdded" | "SeatsPurchased" | "SeatsExpired" | "SeatsRenewed" | "UserCreated" | "UserUpdated" | "AliasAdded" | "UserDeleted" | "UserPurged" | "LicenseAssigned" | "LicenseUpdated" | "LicenseRemoved" | "MailboxProvisioned" | "MailboxSoftDeleted" | "MailboxRestored" | "MailboxPurged" | "AliasesReleased" | "ContactsListDeleted" | "ContactsListRestored")[];
                /** @description Only events that occurred at or after this instant */
                from?: string;
                /** @description Only events that occurred at or before this instant */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit entries, or the streamed export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDoc"];
                    /** @example position,eventId,type,occurredAt,actorId,actorName,userId,skuId,correlationId,data */
                    "text/csv": string;
                    "application/x-ndjson": string;
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                    "application/x-ndjson": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, auditor, compliance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                    "application/x-ndjson": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NotAcceptable: the Accept header names none of the formats above */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                    "text/csv": components["schemas"]["ErrorBodyDto"];
                    "application/x-ndjson": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditController_state: {
        parameters: {
            query: {
                /** @description The instant to replay up to (inclusive) */
                at: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditStateDoc"];
                };
            };
            /** @description ValidationFailed or MalformedJson */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Unauthenticated: missing, malformed or expired bearer token; bad signature or unknown signing key; iat/nbf more than 60 s ahead; lifetime over LEDGER_JWT_MAX_TTL; another issuer or audience than LEDGER_OIDC_ISSUER / LEDGER_OIDC_AUDIENCE. The message says which. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Forbidden: needs one of global-admin, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TooManyRequests: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ConsoleConfigController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The web console's sign-in settings (no token needed) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleConfigDoc"];
                };
            };
        };
    };
}
