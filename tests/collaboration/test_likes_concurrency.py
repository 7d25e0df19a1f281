"""Two people liking at the same time: both likes are kept (BTree and Length resolve the conflict)."""

from collective.twinning.collaboration.likes import Likes
from datetime import datetime

import transaction
import ZODB
import ZODB.FileStorage


def test_concurrent_likes_are_never_lost(tmp_path):
    db = ZODB.DB(ZODB.FileStorage.FileStorage(str(tmp_path / "Data.fs")))
    try:
        setup = transaction.TransactionManager()
        connection = db.open(setup)
        connection.root()["likes"] = Likes()
        setup.commit()
        first_tm, second_tm = transaction.TransactionManager(), transaction.TransactionManager()
        first = db.open(first_tm).root()["likes"]
        second = db.open(second_tm).root()["likes"]
        for likes, userid in ((first, "ana"), (second, "ivo")):
            likes.by_user.insert(userid, datetime.now().isoformat())
            likes.count.change(1)
        first_tm.commit()
        second_tm.commit()  # would raise ConflictError without conflict resolution
        check = transaction.TransactionManager()
        likes = db.open(check).root()["likes"]
        assert sorted(likes.by_user.keys()) == ["ana", "ivo"] and likes.count() == 2
    finally:
        db.close()
