"""Last of the scale-out modules (pytest runs them in name order): stop both clusters as a
user would, with Ctrl-C, and check that no instance or storage server is left."""

from tests.scaleout.conftest import process_alive
from tests.scaleout.test_instances import CLUSTERS

import pytest


pytestmark = pytest.mark.scaleout


def test_ctrl_c_stops_the_instances_and_the_storage_server(request):
    for name in CLUSTERS:
        cluster = request.getfixturevalue(name)
        assert cluster.stop() is not None, cluster.tail()
        leftovers = process_alive(str(cluster.instance)) + process_alive(str(cluster.var / "zeo"))
        assert leftovers == [], leftovers
