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
        /** Add a subscription (S1): its plans come from the catalogue; optionally a term end and trial (SL1) */
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
    "/v1/subscriptions/{skuId}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew to a new term end (SL2): from warning or suspended back to enabled; a deleted one cannot be renewed */
        post: operations["SubscriptionsController_renew"];
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
        /** Seats of one subscription */
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
        /** Find users: a UPN or display-name prefix, a SKU, a status, a usage location, held or not; ordered, keyset paging */
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
        /** One user, by userId or by a UPN in any case (the user holding it now, deleted-but-not-purged included) */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        /** Delete a user: frees every license at once; data kept for the 30-day grace period (U4); ?dryRun=true previews */
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
    "/v1/users/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete several users in one commit, all or nothing (U4 for each); dryRun answers 200 with each failure named */
        post: operations["UsersController_removeMany"];
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
        /** Add and remove licenses of one user, atomically (L1); Exchange changes follow L3/L4; ?dryRun=true previews */
        post: operations["UsersController_assignLicense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted user until its purgeAfter, in one commit: licenses (or none), mailbox and contacts list (L4), aliases no one took (U5); ?dryRun=true previews */
        post: operations["UsersController_restore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Place a legal hold (H1): nothing of the user is purged while it stands; on a held user, replaces the reason */
        put: operations["UsersController_placeHold"];
        post?: never;
        /** Release the legal hold (H2): nothing is purged at once; whatever fell due gets purgeAfter = now + 30 days */
        delete: operations["UsersController_releaseHold"];
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
        /** Add, replace or remove the licenses of many users at once (L9): all or nothing; dryRun applies nothing and reports each failure */
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
        /** Move one seat from one user to another, never free in between (L8); ?dryRun=true previews */
        post: operations["LicensesController_reassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscribedSkus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every subscription as Graph's subscribedSku: capabilityStatus, consumedUnits, prepaidUnits by state, service plans */
        get: operations["GraphController_subscribedSkus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/licenseDetails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's licenses as Graph's licenseDetails: each plan Success, or Disabled when in disabledPlans */
        get: operations["GraphController_licenseDetails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/servicePlans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service-plan catalogue (LEDGER_CATALOG_FILE or the shipped default); any valid token may read it */
        get: operations["GraphController_servicePlans"];
        put?: never;
        post?: never;
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
    "/v1/alerts/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alert rules in force */
        get: operations["AlertsController_rules"];
        /** Set the alert rules (N1), replacing the previous ones whole */
        put: operations["AlertsController_setRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The alerts raised, newest first; cursor paging
         * @description Each alert is raised once per crossing of a rule.
         */
        get: operations["AlertsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The registered webhooks (their secrets are never shown) */
        get: operations["WebhooksController_list"];
        put?: never;
        /** Register a webhook for alert types; deliveries are signed with its secret (X-Ledger-Signature) */
        post: operations["WebhooksController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook: its deliveries not yet made are dropped */
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries, newest first, with what every node's attempts did; cursor paging */
        get: operations["WebhooksController_deliveries"];
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
        /** The web console's sign-in settings: the OIDC issuer and client, when configured */
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
            /**
             * Format: date-time
             * @description End of the term (SL1), in the future; none: no term
             * @example 2026-12-31T00:00:00.000Z
             */
            termEndsAt?: string;
            /** @default false */
            trial: boolean;
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
            /**
             * @description SL1: warning (30 days after the term end: no new assignments), suspended (90 days: services disabled), deleted (licenses removed)
             * @enum {string}
             */
            status: "enabled" | "warning" | "suspended" | "deleted";
            /**
             * Format: date-time
             * @description End of the term; null: no term
             */
            termEndsAt: string | null;
            /** @description A trial subscription (SL1) */
            trial: boolean;
            /**
             * Format: date-time
             * @description When the next lifecycle step falls due unless renewed
             */
            nextTransitionAt: string | null;
        };
        ChangeSeatsDto: {
            /** @enum {string} */
            action: "purchase" | "expire" | "renew";
            /** @example 5 */
            count: number;
        };
        RenewSubscriptionDto: {
            /**
             * Format: date-time
             * @description The new end of the term, in the future (SL2)
             * @example 2027-12-31T00:00:00.000Z
             */
            termEndsAt: string;
        };
        SubscriptionListDoc: {
            items: components["schemas"]["SubscriptionViewDoc"][];
        };
        ConsequenceDoc: {
            /** Format: uuid */
            userId: string;
            /** @enum {string|null} */
            mailbox: "provisioned" | "softDeleted" | "restored" | null;
            /**
             * Format: date-time
             * @description When the soft-deleted data would be purged
             */
            purgeAfter: string | null;
            aliasesReleased: string[];
            /** @enum {string|null} */
            contactsList: "deleted" | "restored" | null;
            licensesRemoved: string[];
            /** @description The SKUs the user would get; for a restore, the licenses given back */
            licensesAssigned: string[];
            /** @description A restore (U5): the aliases not given back, because someone else has taken them since */
            aliasesNotRestored: string[];
        };
        RuleFailureDoc: {
            /**
             * @description Error code of the contract, as a refused command would answer
             * @example InsufficientSeats
             */
            error: string;
            message: string;
            details: {
                [key: string]: unknown;
            };
        };
        DryRunResultDoc: {
            /** @enum {boolean} */
            dryRun: true;
            /** @description false: the command would be refused; `error` says why */
            ok: boolean;
            consequences: components["schemas"]["ConsequenceDoc"][];
            error?: components["schemas"]["RuleFailureDoc"];
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
            /** @description The owner's UPN; null once the user is purged (E1) */
            userPrincipalName: string | null;
            /**
             * @description Present (true) once the personal fields are erased (E2)
             * @enum {boolean}
             */
            erased?: true;
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
            /** @description The owner is under a legal hold (H1): nothing of this mailbox is purged until it is released */
            hold: boolean;
        };
        LegalHoldActorDoc: {
            id: string;
            name: string | null;
        };
        LegalHoldViewDoc: {
            /** Format: date-time */
            since: string;
            by: components["schemas"]["LegalHoldActorDoc"];
            reason: string;
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
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Set while deleted
             */
            deletedAt: string | null;
            /**
             * Format: date-time
             * @description Set while deleted: restorable until then (U5), purged then unless held (H1); a hold released after it sets release + 30 days (H2)
             */
            purgeAfter: string | null;
            /** @description The legal hold (H1), null when none stands */
            hold: components["schemas"]["LegalHoldViewDoc"] | null;
        };
        RestoreResultDoc: {
            user: components["schemas"]["UserViewDoc"];
            /** @description Aliases released at the deletion that someone else has taken since */
            aliasesNotRestored: string[];
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
        DeleteUsersDto: {
            /** @description Distinct user ids */
            userIds: string[];
            /**
             * @description Report what would happen (200 even when refused), delete nobody
             * @default false
             */
            dryRun: boolean;
        };
        BulkDeleteUserDoc: {
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
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Set while deleted
             */
            deletedAt: string | null;
            /**
             * Format: date-time
             * @description Set while deleted: restorable until then (U5), purged then unless held (H1); a hold released after it sets release + 30 days (H2)
             */
            purgeAfter: string | null;
            /** @description The legal hold (H1), null when none stands */
            hold: components["schemas"]["LegalHoldViewDoc"] | null;
            /** @description Refused dry run only; an unknown id has only userId and failures */
            failures?: components["schemas"]["RuleFailureDoc"][];
        };
        BulkDeleteResultDoc: {
            dryRun: boolean;
            /** @description The users were deleted by this call */
            applied: boolean;
            /** @description false: a dry run that would be refused (a real call answers 404/409 and deletes nobody) */
            ok: boolean;
            users: components["schemas"]["BulkDeleteUserDoc"][];
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
        RestoreUserDto: {
            /**
             * @description true: the licenses held at deletion come back (every one needs a seat, else 409 InsufficientSeats); false: restored without licenses
             * @default true
             */
            withLicenses: boolean;
        };
        LegalHoldDto: {
            /**
             * @description Why the hold stands; a new one replaces it
             * @example Litigation 2026-114
             */
            reason: string;
        };
        UserPageDoc: {
            items: components["schemas"]["UserViewDoc"][];
            nextCursor: string | null;
        };
        ReassignResultDoc: {
            from: components["schemas"]["UserViewDoc"];
            to: components["schemas"]["UserViewDoc"];
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
             * @description add to existing, replace existing, or remove the listed SKUs
             * @enum {string}
             */
            mode: "add" | "replace" | "remove";
            /**
             * @description Compute the result, apply nothing; answers 200 with each failure when rules fail
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
            /** @description Refused dry run only: the rules this user breaks */
            failures?: components["schemas"]["RuleFailureDoc"][];
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
            /** @description false: a dry run that would be refused (a real call answers the error and applies nothing) */
            ok: boolean;
            users: components["schemas"]["BulkUserResultDoc"][];
            /** @description Per listed SKU; in a refused dry run, what is short */
            seats: components["schemas"]["BulkSeatsDoc"][];
            /** @description Refused dry run only: failures of no one user (e.g. an unknown SKU) */
            failures?: components["schemas"]["RuleFailureDoc"][];
        };
        ReassignLicenseDto: {
            /** @example O365_BUSINESS_PREMIUM */
            skuId: string;
            /** Format: uuid */
            fromUserId: string;
            /** Format: uuid */
            toUserId: string;
        };
        PrepaidUnitsDoc: {
            /** @description Valid seats while the subscription is enabled */
            enabled: number;
            /** @description Valid seats while it is in warning (not renewed, still usable) */
            warning: number;
            /** @description Valid seats while it is suspended */
            suspended: number;
            /** @description Valid seats of a deleted subscription */
            lockedOut: number;
        };
        SubscribedSkuServicePlanDoc: {
            /**
             * @description The plan id of the catalogue
             * @example EXCHANGE
             */
            servicePlanName: string;
            /** @enum {string} */
            provisioningStatus: "Success";
            /** @enum {string} */
            appliesTo: "User";
        };
        SubscribedSkuDoc: {
            /**
             * @description Our skuId (e.g. ENTERPRISEPACK). Graph gives a GUID here and the part number in skuPartNumber; the ledger has no GUIDs, so both carry the skuId.
             * @example ENTERPRISEPACK
             */
            skuId: string;
            /**
             * @description Our skuId
             * @example ENTERPRISEPACK
             */
            skuPartNumber: string;
            /** @enum {string} */
            capabilityStatus: "Enabled" | "Warning" | "Suspended" | "Deleted";
            /** @description Assigned seats */
            consumedUnits: number;
            prepaidUnits: components["schemas"]["PrepaidUnitsDoc"];
            servicePlans: components["schemas"]["SubscribedSkuServicePlanDoc"][];
        };
        SubscribedSkuListDoc: {
            value: components["schemas"]["SubscribedSkuDoc"][];
        };
        LicenseDetailsServicePlanDoc: {
            /**
             * @description The plan id of the catalogue
             * @example EXCHANGE
             */
            servicePlanName: string;
            /**
             * @description Disabled when the plan is in the license’s disabledPlans
             * @enum {string}
             */
            provisioningStatus: "Success" | "Disabled";
        };
        LicenseDetailsDoc: {
            /**
             * @description Our skuId. Graph gives a GUID here and the part number in skuPartNumber; the ledger has no GUIDs, so both carry the skuId.
             * @example ENTERPRISEPACK
             */
            skuId: string;
            /**
             * @description Our skuId
             * @example ENTERPRISEPACK
             */
            skuPartNumber: string;
            servicePlans: components["schemas"]["LicenseDetailsServicePlanDoc"][];
        };
        LicenseDetailsListDoc: {
            value: components["schemas"]["LicenseDetailsDoc"][];
        };
        ServicePlanDoc: {
            /** @example EXCHANGE */
            id: string;
            /** @example Exchange Online */
            name: string;
            /**
             * @description Usage locations where the plan is not offered (U3)
             * @example [
             *       "XX"
             *     ]
             */
            unavailableIn: string[];
        };
        ServicePlanListDoc: {
            items: components["schemas"]["ServicePlanDoc"][];
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
        AuditLicenseDoc: {
            skuId: string;
            disabledPlans: string[];
        };
        AuditEntryDoc: {
            /** @description Store position: the order of the trail */
            position: number;
            /** Format: uuid */
            eventId: string;
            /** @enum {string} */
            type: "SubscriptionAdded" | "SeatsPurchased" | "SeatsExpired" | "SeatsRenewed" | "UserCreated" | "UserUpdated" | "AliasAdded" | "UserDeleted" | "UserPurged" | "UserRestored" | "LegalHoldPlaced" | "LegalHoldReleased" | "LicenseAssigned" | "LicenseUpdated" | "LicenseRemoved" | "MailboxProvisioned" | "MailboxSoftDeleted" | "MailboxRestored" | "MailboxPurged" | "MailboxPurgeDueSoonNoticed" | "AliasesReleased" | "ContactsListDeleted" | "ContactsListRestored" | "AlertRulesSet" | "WebhookRegistered" | "WebhookRemoved" | "SubscriptionEnteredWarning" | "SubscriptionSuspended" | "SubscriptionDeleted" | "SubscriptionRenewed";
            /** Format: date-time */
            occurredAt: string;
            actor: components["schemas"]["AuditActorDoc"];
            /**
             * Format: uuid
             * @description The user the event is about, when there is one
             */
            userId?: string;
            /** @description With userId: that user's UPN when the event happened (E3) */
            userPrincipalName?: string | null;
            /** @description The SKU the event is about, when there is one */
            skuId?: string;
            /** @description License changes: the user's license of that SKU before (null: none) */
            before?: components["schemas"]["AuditLicenseDoc"] | null;
            /** @description License changes: the license after (null: removed) */
            after?: components["schemas"]["AuditLicenseDoc"] | null;
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
        SeatsBelowDto: {
            /** @example O365_BP */
            skuId: string;
            /**
             * @description SeatsLow once available seats fall below this
             * @example 2
             */
            available: number;
        };
        AlertRulesDto: {
            /** @description One threshold per SKU of the tenant; omitted: none */
            seatsBelow?: components["schemas"]["SeatsBelowDto"][];
            /** @description PurgeDueSoon once a soft-deleted mailbox's purgeAfter is this many days away or fewer (once per purgeAfter, not while held); left out: never */
            purgeDueWithinDays?: number;
        };
        SeatsBelowRuleDoc: {
            /** @example O365_BP */
            skuId: string;
            /**
             * @description SeatsLow once available seats fall below this
             * @example 2
             */
            available: number;
        };
        AlertRulesDoc: {
            seatsBelow: components["schemas"]["SeatsBelowRuleDoc"][];
            /** @description PurgeDueSoon once a soft-deleted mailbox's purgeAfter is this many days away or fewer; null: never */
            purgeDueWithinDays: number | null;
        };
        AlertDoc: {
            /**
             * Format: uuid
             * @description The same on every node and every delivery: receivers dedupe on it
             */
            alertId: string;
            /** @enum {string} */
            type: "SeatsLow" | "SeatsOverAssigned" | "PurgeDueSoon" | "SubscriptionStateChanged";
            /**
             * Format: date-time
             * @description Clock time of the change that crossed the rule
             */
            raisedAt: string;
            /**
             * @description SeatsLow: {skuId, available, threshold}; SeatsOverAssigned: {skuId, assigned, valid}; SubscriptionStateChanged: {skuId, status, previousStatus}; PurgeDueSoon: {userId, purgeAfter, withinDays}
             * @example {
             *       "skuId": "O365_BP",
             *       "available": 1,
             *       "threshold": 2
             *     }
             */
            data: {
                [key: string]: unknown;
            };
        };
        AlertPageDoc: {
            /** @description Newest first */
            items: components["schemas"]["AlertDoc"][];
            /** @description Pass as cursor for the next (older) page; null at the end */
            nextCursor: string | null;
        };
        RegisterWebhookDto: {
            /**
             * @description http(s), no credentials, a host of LEDGER_WEBHOOK_ALLOW when set
             * @example https://hooks.example.com/ledger
             */
            url: string;
            /**
             * @example [
             *       "SeatsLow",
             *       "SeatsOverAssigned"
             *     ]
             */
            events: ("SeatsLow" | "SeatsOverAssigned" | "PurgeDueSoon" | "SubscriptionStateChanged")[];
            /** @description HMAC-SHA256 key of X-Ledger-Signature; never shown again */
            secret: string;
        };
        WebhookDoc: {
            /** Format: uuid */
            id: string;
            /** @example https://hooks.example.com/ledger */
            url: string;
            events: ("SeatsLow" | "SeatsOverAssigned" | "PurgeDueSoon" | "SubscriptionStateChanged")[];
        };
        WebhookListDoc: {
            items: components["schemas"]["WebhookDoc"][];
        };
        DeliveryDoc: {
            /** Format: uuid */
            alertId: string;
            /** @enum {string} */
            type: "SeatsLow" | "SeatsOverAssigned" | "PurgeDueSoon" | "SubscriptionStateChanged";
            /** @description Attempts made so far, by any node */
            attempts: number;
            /**
             * @description pending: not yet answered 2xx (retried with backoff); delivered; failing: LEDGER_WEBHOOK_MAX_ATTEMPTS attempts failed, no more are made
             * @enum {string}
             */
            status: "pending" | "delivered" | "failing";
            /**
             * @description Why the last attempt failed
             * @example HTTP 503
             */
            lastError: string | null;
        };
        DeliveryPageDoc: {
            /** @description Newest first */
            items: components["schemas"]["DeliveryDoc"][];
            nextCursor: string | null;
        };
        ConsoleOidcDoc: {
            /** @description LEDGER_OIDC_ISSUER */
            issuer: string;
            /** @description LEDGER_CONSOLE_OIDC_CLIENT_ID, else LEDGER_OIDC_AUDIENCE */
            clientId: string;
            /** @description LEDGER_CONSOLE_OIDC_SCOPE, else "openid profile" */
            scope: string;
            /** @description LEDGER_OIDC_ROLES_CLAIM: where the provider's tokens hold the roles (a dotted path) */
            rolesClaim: string;
            /** @description LEDGER_OIDC_TENANT_CLAIM: where the provider's tokens hold the tenant id */
            tenantClaim: string;
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
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every metric in the Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
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
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    HealthController_live: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
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
            /** @description `ValidationFailed` or `MalformedJson` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description The Health Check is not successful; or `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
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
            /** @description `ValidationFailed` or `MalformedJson` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Not ready: the terminus body names the failing check
             *
             *     The Health Check is not successful; or `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds
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
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every subscription of the tenant, in skuId order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionListDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
            /** @description The subscription added */
            201: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionViewDoc"];
                };
            };
            /** @description `ValidationFailed` */
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
            /** @description `SubscriptionExists`, `UnknownServicePlan`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
            /** @description The subscription after the change */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionViewDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `SubscriptionNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `NotEnoughSeatsToExpire`, `NotEnoughSeatsToRenew`, `SubscriptionDeleted`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
    SubscriptionsController_renew: {
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
                "application/json": components["schemas"]["RenewSubscriptionDto"];
            };
        };
        responses: {
            /** @description The subscription, enabled until its new term end */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionViewDoc"];
                };
            };
            /** @description `ValidationFailed` */
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
            /** @description `SubscriptionNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `SubscriptionDeleted`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path: {
                skuId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionViewDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `SubscriptionNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description A case-insensitive prefix of the UPN or of the display name */
                search?: string;
                /** @description Only users holding this SKU */
                skuId?: string;
                status?: "active" | "deleted";
                /** @description Only users of this usage location */
                usageLocation?: string;
                /** @description true: only users under a legal hold (H1); false: only users not held. Anything else is 400. */
                hold?: boolean;
                /** @description createdAt: creation order. A cursor resumes after the last row of its page, so users created or deleted meanwhile shift no one. */
                orderBy?: "createdAt" | "userPrincipalName" | "displayName";
            };
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of users; nextCursor is null on the last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description Forbidden: needs one of global-admin, user-admin, auditor, compliance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
            /** @description The user created */
            201: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description `ValidationFailed` */
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
            /** @description `UserPrincipalNameTaken`, `AliasTaken`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path: {
                /** @description A userId, or a UPN in any case */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description Forbidden: needs one of global-admin, user-admin, auditor, compliance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `UserNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    UsersController_remove: {
        parameters: {
            query?: {
                /** @description Answer with what would happen and be lost; append nothing */
                dryRun?: boolean;
            };
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
            /** @description The user, status deleted; with ?dryRun=true, what would happen (200 even when refused) */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"] | components["schemas"]["DryRunResultDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `UserNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `UserDeleted`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
            /** @description The user after the change */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `UserNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `UserDeleted`, `ServiceNotAvailableInLocation`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
            /** @description The user with the alias */
            201: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `UserNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `UserDeleted`, `AliasTaken`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
    UsersController_removeMany: {
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
                "application/json": components["schemas"]["DeleteUsersDto"];
            };
        };
        responses: {
            /** @description The users deleted (or, with dryRun, who would be and what fails) */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkDeleteResultDoc"];
                };
            };
            /** @description `ValidationFailed` */
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
            /** @description `UserNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `UserDeleted`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
            query?: {
                /** @description Answer with what would happen and be lost; append nothing */
                dryRun?: boolean;
            };
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
            /** @description The user with its licenses after the change; with ?dryRun=true, what would happen */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"] | components["schemas"]["DryRunResultDoc"];
                };
            };
            /** @description `ValidationFailed` */
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
            /** @description `UserNotFound`, `SubscriptionNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `LicenseNotAssigned`, `UnknownServicePlan`, `UserDeleted`, `UsageLocationRequired`, `ServiceNotAvailableInLocation`, `InsufficientSeats`, `SubscriptionNotEnabled`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
    UsersController_restore: {
        parameters: {
            query?: {
                /** @description Answer with what would happen and be lost; append nothing */
                dryRun?: boolean;
            };
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
                "application/json": components["schemas"]["RestoreUserDto"];
            };
        };
        responses: {
            /** @description The user restored, and the aliases others took meanwhile; with ?dryRun=true, what would happen (200 even when refused) */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestoreResultDoc"] | components["schemas"]["DryRunResultDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `UserNotFound`, `SubscriptionNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `UserNotDeleted`, `RestoreWindowClosed`, `SubscriptionNotEnabled`, `UnknownServicePlan`, `UsageLocationRequired`, `ServiceNotAvailableInLocation`, `InsufficientSeats`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
    UsersController_placeHold: {
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
                "application/json": components["schemas"]["LegalHoldDto"];
            };
        };
        responses: {
            /** @description The user, held */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `UserNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
    UsersController_releaseHold: {
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
            /** @description The user, no longer held */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserViewDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `UserNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `NoHold`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
            /** @description What was (or, with dryRun, would be) added and removed per user, and the seats used; a dry run answers 200 with ok false when rules fail */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResultDoc"];
                };
            };
            /** @description `ValidationFailed` */
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
            /** @description `UserNotFound`, `SubscriptionNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `UserDeleted`, `UsageLocationRequired`, `ServiceNotAvailableInLocation`, `InsufficientSeats`, `SubscriptionNotEnabled`, `LicenseNotAssigned`, `UnknownServicePlan`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
            query?: {
                /** @description Answer with what would happen and be lost; append nothing */
                dryRun?: boolean;
            };
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
            /** @description Both users after the move; with ?dryRun=true, what would happen (200 even when refused) */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReassignResultDoc"] | components["schemas"]["DryRunResultDoc"];
                };
            };
            /** @description `ValidationFailed` */
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
            /** @description `SubscriptionNotFound`, `UserNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `LicenseNotAssigned`, `UserDeleted`, `UsageLocationRequired`, `ServiceNotAvailableInLocation`, `SubscriptionNotEnabled`, `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
    GraphController_subscribedSkus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every subscription of the tenant, in skuId order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscribedSkuListDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description Forbidden: needs one of global-admin, user-admin, auditor, compliance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    GraphController_licenseDetails: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path: {
                /** @description A userId, or a UPN in any case */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's licenses, in skuId order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LicenseDetailsListDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description Forbidden: needs one of global-admin, user-admin, auditor, compliance */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `UserNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    GraphController_servicePlans: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every plan of the catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServicePlanListDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `Unauthenticated` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of mailboxes; nextCursor is null on the last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxPageDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    RetentionController_timeline: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path: {
                /** @description The userId the server assigned when the user was created */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What happened to the user and what is scheduled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionTimelineDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    ClockController_now: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The manual clock now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockViewDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `Unauthenticated` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
            /** @description The manual clock after the advance */
            200: {
                headers: {
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockViewDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
                /** @description Only events about this user: its userId, or its UPN (any case) as the entries named the user then (E3) */
                userId?: string;
                /** @description Only events about this SKU */
                skuId?: string;
                /** @description Only events made by this actor id (the token's `sub`, or `system:retention`) */
                actor?: string;
                /** @description Only events of these types: one, or several separated by commas */
                type?: ("SubscriptionAdded" | "SeatsPurchased" | "SeatsExpired" | "SeatsRenewed" | "UserCreated" | "UserUpdated" | "AliasAdded" | "UserDeleted" | "UserPurged" | "UserRestored" | "LegalHoldPlaced" | "LegalHoldReleased" | "LicenseAssigned" | "LicenseUpdated" | "LicenseRemoved" | "MailboxProvisioned" | "MailboxSoftDeleted" | "MailboxRestored" | "MailboxPurged" | "MailboxPurgeDueSoonNoticed" | "AliasesReleased" | "ContactsListDeleted" | "ContactsListRestored" | "AlertRulesSet" | "WebhookRegistered" | "WebhookRemoved" | "SubscriptionEnteredWarning" | "SubscriptionSuspended" | "SubscriptionDeleted" | "SubscriptionRenewed")[];
                /** @description Only events that occurred at or after this instant */
                from?: string;
                /** @description Only events that occurred at or before this instant */
                to?: string;
            };
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
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
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    AuditController_state: {
        parameters: {
            query: {
                /** @description The instant to replay up to (inclusive) */
                at: string;
            };
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscriptions and assignments as they were at that instant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditStateDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    AlertsController_rules: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRulesDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    AlertsController_setRules: {
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
                "application/json": components["schemas"]["AlertRulesDto"];
            };
        };
        responses: {
            /** @description The rules now in force */
            200: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRulesDoc"];
                };
            };
            /** @description `ValidationFailed` */
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
            /** @description `SubscriptionNotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
    AlertsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of alerts; nextCursor is null on the last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPageDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every webhook of the tenant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookListDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    WebhooksController_register: {
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
                "application/json": components["schemas"]["RegisterWebhookDto"];
            };
        };
        responses: {
            /** @description The webhook registered (without its secret) */
            201: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDoc"];
                };
            };
            /** @description `ValidationFailed` */
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
            /** @description `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional, 1-255 visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant. */
                "Idempotency-Key"?: string;
            };
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    /** @description Store position of the command's last event (of the ledger's last one when the command changed nothing): send it as X-Ledger-Min-Position on a later GET, to any node, to read this change. Not sent with a ?dryRun=true preview. */
                    "X-Ledger-Position"?: string;
                    /** @description `true` when this is the stored answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `NotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ConcurrencyConflict` */
            409: {
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
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ServiceUnavailable`: the event store cannot be reached; retry after Retry-After seconds */
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
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of deliveries; nextCursor is null on the last */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPageDoc"];
                };
            };
            /** @description `ValidationFailed` or `MalformedJson` */
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
            /** @description `NotFound` */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `TooManyRequests`: more than LEDGER_RATE_LIMIT requests in a minute for this actor and tenant; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
    ConsoleConfigController_get: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A store position, from an earlier answer's X-Ledger-Position (of any node): this answer waits until this node's read models have applied it, at most 10 s, else 503 ReadModelBehind with Retry-After. Anything but a non-negative integer is 400 ValidationFailed.
                 * @example 1042
                 */
                "X-Ledger-Min-Position"?: string;
            };
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
            /** @description `ValidationFailed` or `MalformedJson` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description `ReadModelBehind`: this node's read models did not reach X-Ledger-Min-Position in time; retry after Retry-After seconds */
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
}
