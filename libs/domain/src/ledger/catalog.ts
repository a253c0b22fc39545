/** The service-plan catalogue: which plans exist and where they are not offered (U3). */
export interface ServicePlan {
  id: string;
  name: string;
  unavailableIn: string[];
}

export class Catalog {
  private readonly plans: Map<string, ServicePlan>;

  constructor(plans: readonly ServicePlan[]) {
    this.plans = new Map(plans.map((plan) => [plan.id, plan]));
  }

  all(): ServicePlan[] {
    return [...this.plans.values()];
  }

  unknownPlans(planIds: readonly string[]): string[] {
    return planIds.filter((id) => !this.plans.has(id));
  }

  unavailablePlans(planIds: readonly string[], usageLocation: string): string[] {
    return planIds.filter((id) => this.plans.get(id)?.unavailableIn.includes(usageLocation) ?? false);
  }
}

export const EXCHANGE = 'EXCHANGE';
