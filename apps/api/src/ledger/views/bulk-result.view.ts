import { ApiProperty } from '@nestjs/swagger';

export class BulkUserResultDoc {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: [String] }) added: string[];
  @ApiProperty({ type: [String] }) removed: string[];
  @ApiProperty({ description: 'The user loses Exchange: the mailbox is soft-deleted for 30 days' }) mailboxEntersGracePeriod: boolean;
}

export class BulkSeatsDoc {
  @ApiProperty() skuId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Seats this call takes' }) needed: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Seats available before this call' }) available: number;
}

export class BulkResultDoc {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() applied: boolean;
  @ApiProperty({ type: [BulkUserResultDoc] }) users: BulkUserResultDoc[];
  @ApiProperty({ type: [BulkSeatsDoc] }) seats: BulkSeatsDoc[];
}
