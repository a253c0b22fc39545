import { UserViewDoc } from '@app/projections';
import { ApiProperty } from '@nestjs/swagger';

export class ReassignResultDoc {
  @ApiProperty({ type: UserViewDoc }) from: UserViewDoc;
  @ApiProperty({ type: UserViewDoc }) to: UserViewDoc;
}
