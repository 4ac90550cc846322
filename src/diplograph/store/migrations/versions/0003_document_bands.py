"""document bands: MinHash LSH keys for near-duplicate detection in the database

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 19:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bands = op.create_table(
        'document_bands',
        sa.Column('doc_id', sa.Integer(), nullable=False),
        sa.Column('band', sa.Integer(), nullable=False),
        sa.Column('hash', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('doc_id', 'band'),
    )
    op.create_index('ix_document_bands_band_hash', 'document_bands', ['band', 'hash'], unique=False)
    # index the first copies already stored
    from diplograph.ingest.dedup import band_keys

    conn = op.get_bind()
    docs = sa.table('documents', sa.column('id', sa.Integer), sa.column('text', sa.Text),
                    sa.column('duplicate_of', sa.Integer))
    rows = conn.execute(sa.select(docs.c.id, docs.c.text).where(docs.c.duplicate_of.is_(None))).all()
    values = [{'doc_id': doc_id, 'band': b, 'hash': h} for doc_id, text in rows for b, h in band_keys(text or '')]
    if values:
        op.bulk_insert(bands, values)


def downgrade() -> None:
    op.drop_index('ix_document_bands_band_hash', table_name='document_bands')
    op.drop_table('document_bands')
